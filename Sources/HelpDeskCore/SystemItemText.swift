import Foundation

/// The title and description of an item the system opened itself, kept as what it found (a code
/// with its values) and said in the reader's language. The item's own `title` and `description`
/// hold the same words in Chinese, for search and for a reader that does not know the code.
public enum SystemItemText: Equatable, Sendable {
    /// A reading over its threshold: what was read, and the inspection that read it.
    case inspectionFinding(check: InspectionCheck, target: String, value: String, inspection: Int64, inspector: String)

    public var title: LocalizedText {
        switch self {
        case let .inspectionFinding(check, target, value, _, _):
            return Catalog.Domain.Inspection.title(check, target: target, value: value)
        }
    }

    public var description: LocalizedText {
        switch self {
        case let .inspectionFinding(_, _, _, inspection, inspector):
            return Catalog.InspectionImport.openedDescription(title, inspection: inspection, inspector: inspector)
        }
    }
}

extension WorkItem {
    /// The title in the reader's language: said from its code when the system wrote it, else as typed.
    public func title(in lang: Language) -> String { systemText?.title(lang) ?? title }

    /// The description in the reader's language, likewise.
    public func description(in lang: Language) -> String { systemText?.description(lang) ?? description }
}
