import HelpDeskCore

/// An internal test round of a change in internal test (`t`): passed or failed, and what was tested
/// and found. Refused, in the rules' words, at any other stage.
extension Form {
    public static func testRound(_ item: WorkItem, number: Int, _ lang: Language, _ clock: Clock) -> Form {
        let id = item.id ?? 0
        return Form(purpose: .testRound(id: id, version: item.version),
                    title: Catalog.Forms.Title.testRound(id, number: number)(lang),
                    fields: [choice(.result, Catalog.Forms.Field.result(lang), TestResult.allCases.map { Choice($0.rawValue, $0.label(lang)) }),
                             text(.note, Strings(lang)(.note), .required, long: true)],
                    clock: clock)
    }

    static func opening(testing item: WorkItem, _ context: FormContext) -> FormOpening {
        guard item.kind == .change, let detail = context.facts?.change else {
            return .refused(Catalog.Forms.Refusal.onlyChangesHaveRounds(context.language))

        }
        do {
            let number = try ChangeRules.nextRound(stage: detail.stage, rounds: detail.rounds)
            return .open(.testRound(item, number: number, context.language, context.clock))
        } catch {
            return .refused(error.text(context.language))
        }
    }

    func testRoundRequest(id: Int64, version: Int) -> WriteRequest? {
        guard let result = TestResult(rawValue: value(.result)) else { return nil }
        return .testRound(id: id, result: result, note: value(.note), version: version)
    }
}
