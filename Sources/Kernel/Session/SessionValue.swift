/// Something a session holds under a name: a frame, an experiment, a model, an endpoint.
public protocol SessionValue: AnyObject {
    /// What kind of thing it is, as `vars` lists it: `frame`, `experiment`...
    var kind: String { get }
    /// One line about it, e.g. `41188 rows × 21 columns`.
    var summary: String { get }
}
