import ConsoleCore
import Foundation
import Testing
@testable import HelpDeskCommands
import HelpDeskCore
import HelpDeskStore

// The console's attachments as the interpreter carries them out: listed with the details, saved to
// a file (never over one that exists unless confirmed), a text one decoded for the viewer.

private let now = try! TimeInput.parseInstant("2021-11-23T16:00:00+08:00")

private func desk() throws -> (ConsoleInterpreter, AppDatabase, Context, Int64) {
    let db = try AppDatabase.inMemory()
    try db.ensureFounder(username: "zhaolei", name: "赵磊")
    let ctx = Context(actor: "zhaolei", now: now)
    let id = try db.addCase(NewCase(kind: .general, channel: .phone, region: .xining, title: "附件测试",
                                    requesterName: "王建华", requesterOffice: "西宁市社保局", requesterPhone: "0971-6100000"),
                            at: now.addingTimeInterval(-3600), ctx).id!
    return (ConsoleInterpreter(database: db, databasePath: "/tmp/desk.sqlite"), db, ctx, id)
}

private func folder() throws -> String {
    let path = NSTemporaryDirectory() + "attach-console-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

@Suite("Attachments through the console's interpreter")
struct ConsoleAttachmentTests {
    @Test func theDetailsReadTheAttachmentsErasedOnesMarked() throws {
        let (interpreter, db, ctx, id) = try desk()
        let a = try db.addAttachment(to: .item(id), name: "需求签字.pdf", content: Data("%PDF-1.4 x".utf8), ctx)
        let b = try db.addAttachment(to: .item(id), name: "id.txt", content: Data("身份证".utf8), ctx)
        try db.eraseAttachment(b.id, reason: "含身份证号", ctx)
        guard case .loaded(let actions)? = interpreter.load(.loadDetail(id), operator: "zhaolei", now: now) else {
            Issue.record("not loaded"); return
        }
        let lines = actions.compactMap { action -> [AttachmentLine]? in
            if case .attachmentsLoaded(id, let lines) = action { return lines }
            return nil
        }.first
        #expect(lines?.map(\.id) == [a.id, b.id])
        #expect(lines?.map(\.erased) == [false, true])
        #expect(lines?.first?.type == .pdf && lines?.first?.name == "需求签字.pdf" && lines?.first?.addedBy == "zhaolei")
    }

    @Test func saveWritesTheBytesAndRefusesAnExistingFileUntilConfirmed() throws {
        let (interpreter, db, ctx, id) = try desk()
        let bytes = Data([0x25, 0x50, 0x44, 0x46, 0x00, 0xFF, 0x10])
        let a = try db.addAttachment(to: .item(id), name: "scan.pdf", content: bytes, ctx)
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // Relative to the folder the console runs in: its name by default.
        #expect(interpreter.saveAttachment(a.id, to: "scan.pdf", overwrite: false, in: dir)
                == .loaded([.attachmentSaved(id: a.id, path: dir + "/scan.pdf")]))
        #expect(FileManager.default.contents(atPath: dir + "/scan.pdf") == bytes)
        // Again: the file exists, nothing is written, the console asks.
        try Data("mine".utf8).write(to: URL(fileURLWithPath: dir + "/scan.pdf"))
        #expect(interpreter.saveAttachment(a.id, to: "scan.pdf", overwrite: false, in: dir)
                == .loaded([.attachmentExists(id: a.id, path: dir + "/scan.pdf")]))
        #expect(FileManager.default.contents(atPath: dir + "/scan.pdf") == Data("mine".utf8))
        // A folder: under the attachment's name in it, which exists too.
        #expect(interpreter.saveAttachment(a.id, to: dir, overwrite: false, in: "/")
                == .loaded([.attachmentExists(id: a.id, path: dir + "/scan.pdf")]))
        // Confirmed: overwritten.
        #expect(interpreter.saveAttachment(a.id, to: dir + "/scan.pdf", overwrite: true, in: "/")
                == .loaded([.attachmentSaved(id: a.id, path: dir + "/scan.pdf")]))
        #expect(FileManager.default.contents(atPath: dir + "/scan.pdf") == bytes)
    }

    @Test func anErasedOneOrAMissingFolderIsRefused() throws {
        let (interpreter, db, ctx, id) = try desk()
        let a = try db.addAttachment(to: .item(id), name: "a.txt", content: Data("x".utf8), ctx)
        try db.eraseAttachment(a.id, reason: "误传", ctx)
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(interpreter.saveAttachment(a.id, to: "a.txt", overwrite: false, in: dir) == .failed(Catalog.Attachments.erasedContent(a.id)))
        #expect(!FileManager.default.fileExists(atPath: dir + "/a.txt"))
        let b = try db.addAttachment(to: .item(id), name: "b.txt", content: Data("y".utf8), ctx)
        guard case .failed = interpreter.saveAttachment(b.id, to: "no/such/folder/b.txt", overwrite: false, in: dir) else {
            Issue.record("written into a folder that does not exist"); return
        }
    }

    @Test func aTextAttachmentIsDecodedUTF8ElseGB18030() throws {
        let (interpreter, db, ctx, id) = try desk()
        let utf8 = try db.addAttachment(to: .item(id), name: "u.txt", content: Data("养老金测算\n第二行".utf8), ctx)
        // 养老 in GB18030 (GBK part).
        let gb = try db.addAttachment(to: .item(id), name: "g.txt", content: Data([0xD1, 0xF8, 0xC0, 0xCF, 0x0A]), ctx)
        let pdf = try db.addAttachment(to: .item(id), name: "p.pdf", content: Data("%PDF-1.4".utf8), ctx)
        #expect(interpreter.load(.loadAttachmentText(utf8.id), operator: "zhaolei", now: now)
                == .loaded([.attachmentTextLoaded(id: utf8.id, text: "养老金测算\n第二行")]))
        guard case .loaded(let actions)? = interpreter.load(.loadAttachmentText(gb.id), operator: "zhaolei", now: now),
              case .attachmentTextLoaded(_, let text) = actions.first else { Issue.record("not decoded"); return }
        #expect(text.hasPrefix("养老"))
        #expect(interpreter.load(.loadAttachmentText(pdf.id), operator: "zhaolei", now: now) == .failed(Catalog.Attachments.notText))
    }
}
