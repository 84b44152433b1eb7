import HelpDeskCore

/// A material of a training (`M`): a file path or an http(s) link.
extension Form {
    public static func addMaterial(_ item: WorkItem, _ lang: Language, _ clock: Clock) -> Form {
        let id = item.id ?? 0
        return Form(purpose: .addMaterial(id: id, version: item.version), title: Catalog.Forms.Title.addMaterial(id)(lang),
                    fields: [text(.location, Catalog.Forms.Field.location(lang), .required)], clock: clock)
    }

    static func opening(addingMaterialTo item: WorkItem, _ context: FormContext) -> FormOpening {
        guard item.kind == .training else { return .refused(Catalog.Forms.Refusal.onlyTrainingsHaveMaterials(context.language)) }

        return .open(.addMaterial(item, context.language, context.clock))
    }

    func addMaterialRequest(id: Int64, version: Int) -> WriteRequest? {
        .addMaterial(id: id, location: value(.location), version: version)
    }
}
