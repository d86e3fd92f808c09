import Kernel

extension CommandTable {
    /// Every command of the cell language, in the order `help` lists them. A new command is a
    /// new file in its area's folder and one line here.
    public static let standard: CommandTable = {
        CommandTable([
            // session
            Help.self, Vars.self, SetCommand.self, Params.self, Reset.self,
            // files
            Download.self, Upload.self, Unzip.self, Sh.self,
            // frames
            Load.self, Head.self, Tail.self, Shape.self, Schema.self, Describe.self, Counts.self, Hist.self,
            Drop.self, Keep.self, Filter.self, Split.self, Save.self,
            // autopilot
            AutopilotCommand.self, TrainCommand.self, Experiments.self, LeaderboardCommand.self,
            CandidateCommand.self, Evaluate.self, Explain.self,
            // serving
            Deploy.self, Endpoints.self, Predict.self, CleanupCommand.self,
        ])
    }()
}

extension Kernel {
    /// A kernel with every command of the cell language.
    public static var standard: Kernel { Kernel(commands: .standard) }
}
