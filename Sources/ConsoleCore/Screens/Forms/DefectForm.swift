import HelpDeskCore

/// A defect found in a delivery (`D` on a released change or its delivery): the title, when it was
/// found (now, unless recorded after the fact; not before the delivery) and a description.
extension Form {
    public static func addDefect(delivery: Int64, _ lang: Language, _ clock: Clock) -> Form {
        let t = Strings(lang)
        return Form(purpose: .addDefect(delivery: delivery), title: Catalog.Forms.Title.addDefect(delivery: delivery)(lang),
                    fields: [text(.title, t(.title), .required), happenedAt(Catalog.Forms.Field.foundAt(lang), clock),

                             text(.description, t(.description), long: true)],
                    clock: clock)
    }

    func addDefectRequest(delivery: Int64) -> WriteRequest? {
        .addDefect(delivery: delivery, title: value(.title), description: value(.description), at: happenedAt)
    }
}
