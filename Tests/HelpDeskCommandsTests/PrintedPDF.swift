import Foundation
import Testing
import TestProcesses

// The reports' HTML printed to PDF by headless Chromium and read back with poppler's pdfinfo and
// pdftotext, as a person prints the page (Debian: chromium, poppler-utils, fonts-noto-cjk).

/// A program on PATH, or nil.
func programOnPath(_ names: [String]) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        for name in names where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") { return "\(dir)/\(name)" }
    }
    return nil
}

let headlessChromium = programOnPath(["chromium", "chromium-headless-shell", "chrome-headless-shell", "chromium-browser", "google-chrome"])

/// Runs `path args` with HOME in `dir`, killed after `seconds`; status and standard output.
func runProgram(_ path: String, _ args: [String], in dir: URL, seconds: Double = 120) throws -> (Int32, String) {
    var env = ProcessInfo.processInfo.environment
    env["HOME"] = dir.path
    let r = try runProcess(path, args, environment: env, seconds: seconds)
    return (r.status, r.out)
}

/// A page printed to PDF: what pdfinfo says of it and the text pdftotext reads from it.
struct PrintedPDF {
    var info: String
    var text: String

    var pages: Int? {
        info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") }
    }

    var mediaBox: [Double]? {
        info.split(separator: "\n").first { $0.hasPrefix("MediaBox:") }.map { $0.split(separator: " ").dropFirst().compactMap { Double($0) } }
    }

    /// Prints `html` with headless Chromium into `dir`, then reads the PDF back.
    static func print(_ html: String, name: String, in dir: URL) throws -> PrintedPDF {
        let chromium = try #require(headlessChromium, "headless Chromium is not installed (Debian: chromium)")
        let pdfinfo = try #require(programOnPath(["pdfinfo"]), "pdfinfo is missing (Debian: poppler-utils)")
        let pdftotext = try #require(programOnPath(["pdftotext"]), "pdftotext is missing (Debian: poppler-utils)")
        let page = dir.appendingPathComponent("\(name).html"), pdf = dir.appendingPathComponent("\(name).pdf")
        try Data(html.utf8).write(to: page)
        let (status, _) = try runProgram(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                                    "--user-data-dir=\(dir.appendingPathComponent("profile").path)",
                                                    "--print-to-pdf=\(pdf.path)", page.absoluteString], in: dir)
        #expect(status == 0)
        let size = (try? FileManager.default.attributesOfItem(atPath: pdf.path)[.size] as? Int) ?? 0
        try #require(size > 1000, "no PDF written")
        let (_, info) = try runProgram(pdfinfo, ["-box", pdf.path], in: dir)
        let (_, text) = try runProgram(pdftotext, ["-layout", pdf.path, "-"], in: dir)
        return PrintedPDF(info: info, text: text)
    }
}
