extension SearchSpace {
    /// MLP hyperparameter ranges (names as ``MLP/Parameters/parameters(from:seed:)`` reads them),
    /// kept to networks that train in seconds on tens of thousands of rows on one core.
    static let mlp: [Range] = [
        Range(name: "learning_rate", low: 1e-4, high: 1e-2, log: true),
        Range(name: "weight_decay", low: 1e-6, high: 1e-1, log: true),
        Range(name: "hidden_units", low: 16, high: 256, log: true, integer: true),
        Range(name: "hidden_layers", low: 1, high: 3, log: false, integer: true),
        Range(name: "batch_size", low: 64, high: 1024, log: true, integer: true),
    ]

    /// The MLP's starting point, tried first: one hidden layer of 64 units, Adam at 0.001.
    static let mlpDefaults: [String: Double] = [
        "learning_rate": 0.001, "weight_decay": 1e-4, "hidden_units": 64, "hidden_layers": 1, "batch_size": 256,
        "max_epochs": 40, "patience": 5,
    ]
}
