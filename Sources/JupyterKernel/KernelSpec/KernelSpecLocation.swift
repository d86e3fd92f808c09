/// Where `pilot kernel install` puts the kernelspec, as `jupyter kernelspec install` does.
public enum KernelSpecLocation: Sendable, Equatable {
    /// The user's Jupyter data folder: `$JUPYTER_DATA_DIR`, else `$XDG_DATA_HOME/jupyter`, else
    /// `~/.local/share/jupyter`.
    case user
    /// The active Python environment (`$VIRTUAL_ENV`, else `$CONDA_PREFIX`), where that
    /// environment's Jupyter looks.
    case sysPrefix
    /// `DIR/share/jupyter`.
    case prefix(String)

    /// The `kernels` folder this location means in `environment`.
    ///
    /// - Throws: ``KernelError/kernelSpec(path:reason:)`` when the environment does not say
    ///   where it is (no `HOME`, no active Python environment).
    public func kernelsFolder(environment: [String: String]) throws(KernelError) -> String {
        switch self {
        case .user:
            if let data = environment["JUPYTER_DATA_DIR"], !data.isEmpty { return data + "/kernels" }
            if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/jupyter/kernels" }
            guard let home = environment["HOME"], !home.isEmpty else {
                throw .kernelSpec(
                    path: "~/.local/share/jupyter", reason: "HOME is not set; set it, or use --prefix DIR")
            }
            return home + "/.local/share/jupyter/kernels"
        case .sysPrefix:
            guard let prefix = environment["VIRTUAL_ENV"] ?? environment["CONDA_PREFIX"], !prefix.isEmpty else {
                throw .kernelSpec(
                    path: "--sys-prefix",
                    reason: "no Python environment is active (VIRTUAL_ENV or CONDA_PREFIX); "
                        + "activate the one Jupyter runs in, or use --prefix DIR")
            }
            return prefix + "/share/jupyter/kernels"
        case .prefix(let folder):
            return folder + "/share/jupyter/kernels"
        }
    }
}
