import Foundation
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore

func t(_ text: String) -> Date { try! TimeInput.parseInstant(text) }

/// A fresh in-memory database, with `now` on a Tuesday afternoon.
func makeDatabase() throws -> (AppDatabase, Context) {
    let db = try AppDatabase.inMemory()
    try db.ensureFounder(username: "zhaolei", name: "赵磊")
    return (db, Context(actor: "zhaolei", now: t("2021-11-23T16:00:00+08:00")))
}

func with(_ ctx: Context, actor: String? = nil, simulated: Bool = false) -> Context {
    var c = ctx
    if let actor { c.actor = actor }
    c.clockIsSimulated = simulated
    c.wallClock = { t("2026-11-25T09:30:00+08:00") }
    return c
}

let sampleCase = NewCase(kind: .general, channel: .phone, region: .xining, title: "养老金测算结果不一致",
                         requesterName: "王建华", requesterOffice: "西宁市社保局", requesterPhone: "0971-6100000")
