import HelpDeskCore

/// A material of a training (`M`): a file path or an http(s) link.
extension Form {
    public static func addMaterial(_ item: WorkItem, _ lang: Language, _ clock: Clock) -> Form {
        let zh = lang == .zh
        let id = item.id ?? 0
        return Form(purpose: .addMaterial(id: id, version: item.version), title: zh ? "#\(id) 登记培训资料" : "#\(id) add a material",
                    fields: [text(.location, zh ? "路径或链接" : "Path or link", .required)], clock: clock)
    }

    static func opening(addingMaterialTo item: WorkItem, _ context: FormContext) -> FormOpening {
        guard item.kind == .training else { return .refused(context.zh ? "只有培训有培训资料" : "only trainings have materials") }
        return .open(.addMaterial(item, context.language, context.clock))
    }

    func addMaterialRequest(id: Int64, version: Int) -> WriteRequest? {
        .addMaterial(id: id, location: value(.location), version: version)
    }
}
