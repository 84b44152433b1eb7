import ArgumentParser
import Foundation
import HelpDeskCore

/// A description given on the command line, or read from a file or standard input.
///
/// `--description TEXT` for a line or two; `--description-file PATH` for a pasted log, with `-`
/// meaning standard input (`journalctl … | helpdesk case add … --description-file -`). The bytes
/// must be UTF-8: anything else is refused with the field named, never repaired.
struct DescriptionOptions: ParsableArguments {
    @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Shared.description))) var description: String?
    @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Shared.descriptionFile),
                               valueName: "path|-"))
    var descriptionFile: String?

    func validate() throws {
        if description != nil && descriptionFile != nil {
            throw ValidationError(HelpDesk.say(Catalog.Commands.Typed.descriptionOrFile))
        }
    }

    /// The description: the option's text, the file's, or standard input's; empty when none is given.
    func text() throws -> String {
        guard let path = descriptionFile else { return description ?? "" }
        return try TextArguments.read(path, option: "--description-file", field: .description)
    }
}

enum TextArguments {
    /// The text of the file at `path` (`-`: standard input), refused unless it is UTF-8 and fits
    /// `field`. A file larger than the field holds is not read to its end.
    static func read(_ path: String, option: String, field: TextRules.Field) throws -> String {
        let limit = field.size == .long ? TextRules.longLimit : TextRules.lineLimit * 4
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            guard let h = FileHandle(forReadingAtPath: path) else {
                throw UsageError(Catalog.Commands.Typed.cannotRead(option, path))
            }
            handle = h
        }
        defer { if path != "-" { try? handle.close() } }
        var bytes: [UInt8] = []
        do {
            // One byte past the limit is enough to know the text is too long.
            while bytes.count <= limit, let chunk = try handle.read(upToCount: limit + 1 - bytes.count), !chunk.isEmpty {
                bytes.append(contentsOf: chunk)
            }
        } catch {
            throw UsageError(Catalog.Commands.Typed.cannotRead(option, path, because: error.localizedDescription))
        }
        if bytes.count > limit {
            throw UsageError(Catalog.Commands.Typed.tooLong(option, field.name, limit: limit))
        }
        switch TextRules.decode(bytes, field: field) {
        case .success(let text): return text
        case .failure(let problem): throw UsageError(Catalog.Commands.option(option, problem.text))
        }
    }

    /// The first argument whose bytes are not UTF-8, named by the option before it; `nil` when
    /// all are. The system hands arguments over as bytes; Swift's `CommandLine.arguments` would
    /// replace a bad byte by U+FFFD and the text would be stored changed.
    static func invalidArgument(_ raw: [[UInt8]]) -> UsageError? {
        for (i, bytes) in raw.enumerated() where String(validating: bytes, as: UTF8.self) == nil {
            let previous = i > 0 ? String(decoding: raw[i - 1], as: UTF8.self) : ""
            let name = previous.hasPrefix("--") ? LocalizedText.verbatim(previous) : Catalog.Commands.Typed.argument(i + 1)
            return UsageError(Catalog.Commands.Typed.notUTF8(name))
        }
        return nil
    }

    /// The process's arguments (without the program's name) as the bytes the system gave.
    static var rawArguments: [[UInt8]] {
        (1..<Int(CommandLine.argc)).compactMap { i in
            CommandLine.unsafeArgv[i].map { p in Array(UnsafeBufferPointer(start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self), count: strlen(p))) }
        }
    }
}
