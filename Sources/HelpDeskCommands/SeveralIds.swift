import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

/// Commands that take several ids (`case take 12 13 14`): one write per id, each its own
/// transaction, and one line per id. A refused id changes nothing and is said on standard error
/// with why; the others stay done. Exit status 0 when all were done, 2 when any was refused.
enum SeveralIds {
    static func run(_ ids: [Int64], _ env: Environment, _ write: (Int64) throws -> String) throws {
        var seen = Set<Int64>()
        let ids = ids.filter { seen.insert($0).inserted }
        // One id: as it always was, a refusal is the command's error.
        if ids.count == 1 {
            print(try write(ids[0]))
            return
        }
        var refused = 0
        for id in ids {
            do {
                print(try write(id))
            } catch {
                let (why, status) = HelpDesk.describe(error, env.language)
                // Only a refusal (bad input, a rule) lets the others go on; a failure stops here.
                guard status == 2 else { throw error }
                refused += 1
                Output.standardError("helpdesk: \(TerminalText.sanitize(Catalog.Marks.refused(id, why: why)(env.language)))\n")
            }
        }
        guard refused == 0 else {
            Output.standardError("helpdesk: \(Catalog.Marks.refusedCount(refused, of: ids.count)(env.language))\n")
            throw ExitCode(2)
        }
    }

    /// `ID… LAST` (`case assign 12 13 lina`, `case link 12 13 20`): the ids and the last value.
    static func split(_ values: [String], last name: String) throws -> (ids: [Int64], last: String) {
        guard values.count >= 2, let last = values.last else {
            throw ValidationError(HelpDesk.say(Catalog.Marks.lastMissing(name)))
        }
        let ids = try values.dropLast().map { typed -> Int64 in
            guard let id = Int64(typed), id >= 1 else {
                throw ValidationError(HelpDesk.say(Catalog.Commands.Typed.itemNumber("<id>", typed)))
            }
            return id
        }
        return (ids, last)
    }
}
