import Foundation

extension Mode {
    /// Which view is drawn over the main screen (`main`: none). An overlay that opens or closes
    /// changes much of the screen, so the run loop paints it whole.
    public enum Overlay: CaseIterable, Sendable {
        case main, detail, form, help, commandLine, search, confirmQuit, confirmFreeze, figureItems, inspection, requesterItems, attachmentText, severalResults
    }

    /// The view drawn over the main screen: the same for a form whatever its fields hold.
    public var overlay: Overlay {
        switch self {
        case .normal: .main
        case .detail: .detail
        case .form: .form
        case .help: .help
        case .commandLine: .commandLine
        case .search: .search
        case .confirmQuit: .confirmQuit
        case .confirmFreeze: .confirmFreeze
        case .figureItems: .figureItems
        case .inspection: .inspection
        case .requesterItems: .requesterItems
        case .attachmentText: .attachmentText
        case .severalResults: .severalResults
        }
    }
}
