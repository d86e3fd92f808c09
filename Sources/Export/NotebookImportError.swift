import Diagnostics

/// Why a notebook cannot become a workbook.
public enum NotebookImportError: Error, Sendable, Equatable, DiagnosticConvertible {
    /// The file is not an nbformat 4 notebook.
    case notANotebook(name: String, reason: String)
    /// The notebook was written for another kernel (`python3`): its cells are not pilot's.
    case otherKernel(name: String, kernel: String)
    /// An image could not be stored in the asset folder.
    case assets(Diagnostic)

    public var diagnostic: Diagnostic {
        switch self {
        case .notANotebook(let name, let reason):
            Diagnostic(
                "\(name) is not a Jupyter notebook: \(reason)",
                hint: "pilot import reads .ipynb files (nbformat 4), e.g. what pilot export --to ipynb wrote")
        case .otherKernel(let name, let kernel):
            Diagnostic(
                "\(name) is a notebook for the '\(kernel)' kernel, not pilot's; its cells are not pilot commands",
                hint: "import notebooks whose kernel is pilot (pick 'pilot' in Jupyter's kernel menu)")
        case .assets(let diagnostic):
            diagnostic
        }
    }
}
