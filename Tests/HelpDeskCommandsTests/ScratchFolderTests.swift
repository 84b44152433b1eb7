import Foundation
import Testing

private final class PathBox: @unchecked Sendable {
    var path = ""
}

@Suite("Tests clean up after themselves")
struct ScratchFolderTests {
    @Test func aTestsDatabaseIsRemovedWhenTheTestEnds() async throws {
        let box = PathBox()
        try await ScratchFolder().provideScope(for: try #require(Test.current), testCase: Test.Case.current) {
            let db = freshDatabase()
            ok(["case", "list"], db: db)
            #expect(FileManager.default.fileExists(atPath: db))
            box.path = db
        }
        let folder = URL(fileURLWithPath: box.path).deletingLastPathComponent().path
        #expect(!box.path.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder), "\(folder) was left behind")
    }
}
