import Foundation

/// Who a training session (培训) is for: the three audiences the contract names.
public enum TrainingType: String, Sendable, CaseIterable, Codable {
    /// 行政管理人员: supervisors and managers of the client offices.
    case admin
    /// 业务经办人员: the operators who handle pension business day to day.
    case `operator`
    /// 系统管理员: the administrators of the system's servers and database.
    case sysadmin

    public var chineseName: String { name.zh }

    public func label(_ lang: Language) -> String { name(lang) }

    /// The accepted command-line names: `admin, operator, sysadmin`.
    public static var accepted: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// The seven steps of a training session, in the order the tender lists them.
///
/// Each is pending until it is marked done, with the time it was done. The raw values are the
/// command-line names and what the database stores.
public enum TrainingStep: String, Sendable, CaseIterable, Codable, Comparable {
    /// 培训内容确定: what the session teaches is decided.
    case content
    /// 培训计划: when, where, who.
    case plan
    /// 培训资料准备: handouts and slides prepared.
    case materials
    /// 培训实施: the session held; not before the day it is held.
    case delivery
    /// 考试: the exam sat (scores are recorded per attendee).
    case exam
    /// 答疑: questions answered.
    case qa
    /// 资料上传: the materials uploaded for later reference. The last step.
    case upload

    /// 1 for content … 7 for upload.
    public var number: Int { Self.allCases.firstIndex(of: self)! + 1 }

    public static func < (a: TrainingStep, b: TrainingStep) -> Bool { a.number < b.number }

    public var chineseName: String { name.zh }

    public func label(_ lang: Language) -> String { name(lang) }

    /// The accepted command-line names, in order: `content, plan, materials, delivery, exam, qa, upload`.
    public static var accepted: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// One step of a session as it stands: pending (no time), or done at a time by someone.
public struct TrainingStepState: Equatable, Sendable {
    public var step: TrainingStep
    public var doneAt: Date?
    public var doneBy: String?

    public init(step: TrainingStep, doneAt: Date? = nil, doneBy: String? = nil) {
        self.step = step
        self.doneAt = doneAt
        self.doneBy = doneBy
    }

    public var isDone: Bool { doneAt != nil }
}

/// Someone who attended a session: name, office, region, and the exam score once known.
///
/// Within a session an attendee is known by name and office: two people of one name (才让, 扎西
/// and 卓玛 are common names in 玉树) are told apart by their offices; the same name and office is
/// recorded once per session.
public struct Attendee: Equatable, Sendable {
    public var name: String
    public var office: String
    public var region: Region
    /// 0–100; `nil` until the exam is marked (or when the attendee did not sit it).
    public var score: Int?

    public init(name: String, office: String, region: Region, score: Int? = nil) {
        self.name = name
        self.office = office
        self.region = region
        self.score = score
    }
}

/// A file path or a link to the session's materials (slides, handouts, recordings).
public struct TrainingMaterial: Equatable, Sendable {
    /// As given: `/share/培训/2021-11/讲义.pdf` or `https://…`.
    public var location: String
    public var addedAt: Date
    public var addedBy: String

    public init(location: String, addedAt: Date, addedBy: String) {
        self.location = location
        self.addedAt = addedAt
        self.addedBy = addedBy
    }

    /// Whether it is a link (`http://`, `https://`, `ftp://`) rather than a path.
    public var isLink: Bool { TrainingRules.isLink(location) }
}

/// A correction of an attendee: the parts to change (`nil` keeps the old one).
public struct AttendeeCorrection: Equatable, Sendable {
    public var name: String?
    public var office: String?
    public var region: Region?
    public var score: Int?

    public init(name: String? = nil, office: String? = nil, region: Region? = nil, score: Int? = nil) {
        self.name = name
        self.office = office
        self.region = region
        self.score = score
    }
}

/// A training session to record.
public struct NewTraining: Sendable, Equatable {
    public var type: TrainingType
    public var topic: String
    public var place: String
    public var trainer: String
    /// The day it is (or was) held, in Beijing.
    public var heldOn: CivilDate

    public init(type: TrainingType, topic: String, place: String, trainer: String, heldOn: CivilDate) {
        self.type = type
        self.topic = topic
        self.place = place
        self.trainer = trainer
        self.heldOn = heldOn
    }
}

/// What a training session has beside its work item (whose title is the topic): type, place,
/// trainer, day, its seven steps, the attendees and the materials.
public struct TrainingDetail: Equatable, Sendable {
    public var itemId: Int64
    public var type: TrainingType
    public var place: String
    public var trainer: String
    public var heldOn: CivilDate
    /// All seven, in order, pending or done.
    public var steps: [TrainingStepState]
    /// In the order they were recorded.
    public var attendees: [Attendee]
    /// In the order they were added.
    public var materials: [TrainingMaterial]

    public init(itemId: Int64, type: TrainingType, place: String, trainer: String, heldOn: CivilDate,
                steps: [TrainingStepState] = TrainingStep.allCases.map { TrainingStepState(step: $0) },
                attendees: [Attendee] = [], materials: [TrainingMaterial] = []) {
        self.itemId = itemId
        self.type = type
        self.place = place
        self.trainer = trainer
        self.heldOn = heldOn
        self.steps = steps
        self.attendees = attendees
        self.materials = materials
    }

    /// How many of the seven steps are done.
    public var stepsDone: Int { steps.filter(\.isDone).count }

    /// The first step still pending; `nil` once all seven are done.
    public var nextStep: TrainingStep? { steps.first { !$0.isDone }?.step }

    /// The mean of the scores recorded; `nil` when none is.
    public var averageScore: Double? { TrainingRules.average(attendees.map(\.score)) }

    /// When each done step was done.
    public var done: [TrainingStep: Date] {
        Dictionary(uniqueKeysWithValues: steps.compactMap { s in s.doneAt.map { (s.step, $0) } })
    }
}

/// Why a training write is refused.
public enum TrainingRefusal: Error, Equatable, Sendable {
    case alreadyDone(TrainingStep, at: Date)
    /// The steps go in the tender's order: `step` waits for `pending`.
    case earlierStepPending(TrainingStep, pending: TrainingStep)
    /// A step cannot be dated before the step before it.
    case beforePreviousStep(TrainingStep, previous: TrainingStep, previousAt: Date)
    /// The session is held on `heldOn`: it cannot have been delivered before that day.
    case deliveredBeforeDay(heldOn: CivilDate)
    /// A step is dated when it happened, which is not after the moment it is recorded.
    case stepInTheFuture(TrainingStep, at: Date, now: Date)
    case scoreOutOfRange(Int)
    case scoreNotANumber(String)
    case blank(field: String)
    /// Someone of this name and office already attends the session.
    case duplicateAttendee(String, office: String)
    case unknownAttendee(String)
    /// Nobody of this name attends from this office.
    case unknownAttendeeInOffice(String, office: String)
    /// Several attendees share the name: the office tells which one is meant.
    case ambiguousAttendee(String, offices: [String])
    /// A correction that changes nothing.
    case nothingToCorrect(String, office: String)
    case duplicateMaterial(String)
    case materialHasLineBreak
    case linkWithoutHost(String)

    public func text(_ lang: Language) -> String { said(lang) }

    /// The refusal in both languages.
    public var said: LocalizedText { Catalog.Domain.Training.refusal(self) }
}

/// The rules of a training session's record.
///
/// The steps go in the tender's order — content, plan, materials, delivery, exam, Q&A, upload —
/// because each one builds on the one before (no exam before the session, no upload before the
/// materials exist): a step is done only once every step before it is, never at an earlier time
/// than the step before it, and once only. The session cannot be delivered before the day it is
/// held. Scores are whole numbers from 0 to 100.
public enum TrainingRules {
    /// Checks that `step` may be marked done at `at`, recorded at `now`, given what is done
    /// (`done`) and the day the session is held.
    ///
    /// A session is often entered days after it was held: its steps are dated when they happened,
    /// checked against each other and the day held, never against when the session was entered;
    /// only the moment of recording bounds them (a step has not happened in the future).
    public static func checkStep(_ step: TrainingStep, at: Date, now: Date, done: [TrainingStep: Date],
                                 heldOn: CivilDate) throws(TrainingRefusal) {
        if at > now { throw .stepInTheFuture(step, at: at, now: now) }
        if let earlier = done[step] { throw .alreadyDone(step, at: earlier) }
        if let pending = TrainingStep.allCases.first(where: { $0 < step && done[$0] == nil }) {
            throw .earlierStepPending(step, pending: pending)
        }
        if step.number > 1 {
            let previous = TrainingStep.allCases[step.number - 2]
            if let previousAt = done[previous], at < previousAt {
                throw .beforePreviousStep(step, previous: previous, previousAt: previousAt)
            }
        }
        if step == .delivery, BeijingTime.date(of: at) < heldOn { throw .deliveredBeforeDay(heldOn: heldOn) }
    }

    /// A score as given: a whole number from 0 to 100.
    public static func checkScore(_ score: Int) throws(TrainingRefusal) {
        guard (0...100).contains(score) else { throw .scoreOutOfRange(score) }
    }

    /// Reads a score typed as text (`85`, ` 100 `).
    public static func score(_ text: String) throws(TrainingRefusal) -> Int {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let n = Int(trimmed) else { throw .scoreNotANumber(text) }
        try checkScore(n)
        return n
    }

    /// The mean of the scores given; `nil` when there are none (never 0).
    public static func average(_ scores: [Int?]) -> Double? {
        let known = scores.compactMap { $0 }
        guard !known.isEmpty else { return nil }
        return Double(known.reduce(0, +)) / Double(known.count)
    }

    /// `85.5`, or `—` without scores.
    public static func averageText(_ average: Double?) -> String {
        guard let average else { return "—" }
        return String(format: "%.1f", average)
    }

    /// An attendee as given, trimmed; refused when the name or office is blank or a score is out of range.
    public static func attendee(name: String, office: String, region: Region, score: Int?) throws(TrainingRefusal) -> Attendee {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let office = office.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw .blank(field: "name") }
        guard !office.isEmpty else { throw .blank(field: "office") }
        if let score { try checkScore(score) }
        return Attendee(name: name, office: office, region: region, score: score)
    }

    /// Whether `attendee` is the person of this name and office (both as given, trimmed).
    public static func isSamePerson(_ attendee: Attendee, name: String, office: String) -> Bool {
        attendee.name == name.trimmingCharacters(in: .whitespacesAndNewlines)
            && attendee.office == office.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Refuses `attendee` when someone of the same name and office already attends (`among`).
    public static func checkNewAttendee(_ attendee: Attendee, among: [Attendee]) throws(TrainingRefusal) {
        if among.contains(where: { isSamePerson($0, name: attendee.name, office: attendee.office) }) {
            throw .duplicateAttendee(attendee.name, office: attendee.office)
        }
    }

    /// The attendee meant by `name` and, where given, `office`, among those of the session. The
    /// office may be left out while only one attendee has the name; with two of one name it tells
    /// them apart, and without it the refusal names their offices.
    public static func attendee(named name: String, office: String?, among: [Attendee]) throws(TrainingRefusal) -> Attendee {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        let office = office?.trimmingCharacters(in: .whitespacesAndNewlines)
        let named = among.filter { $0.name == name }
        guard !named.isEmpty else { throw .unknownAttendee(name) }
        if let office, !office.isEmpty {
            guard let one = named.first(where: { $0.office == office }) else { throw .unknownAttendeeInOffice(name, office: office) }
            return one
        }
        guard named.count == 1 else { throw .ambiguousAttendee(name, offices: named.map(\.office)) }
        return named[0]
    }

    /// `attendee` corrected: each part given replaces the old one (blank text and an out-of-range
    /// score are refused). Refused when nothing changes, or when the corrected name and office are
    /// those of another attendee of the session (`among`, which may hold `attendee` itself).
    public static func corrected(_ attendee: Attendee, by correction: AttendeeCorrection,
                                 among: [Attendee]) throws(TrainingRefusal) -> Attendee {
        let new = try Self.attendee(name: correction.name ?? attendee.name, office: correction.office ?? attendee.office,
                                    region: correction.region ?? attendee.region, score: correction.score ?? attendee.score)
        guard new != attendee else { throw .nothingToCorrect(attendee.name, office: attendee.office) }
        let others = among.filter { !isSamePerson($0, name: attendee.name, office: attendee.office) }
        try checkNewAttendee(new, among: others)
        return new
    }

    /// A material's location as given, trimmed: a path, or a link with a host.
    public static func material(_ text: String) throws(TrainingRefusal) -> String {
        let location = text.trimmingCharacters(in: .whitespaces)
        guard !location.isEmpty else { throw .blank(field: "material") }
        guard !location.contains(where: \.isNewline) else { throw .materialHasLineBreak }
        if isLink(location) {
            let rest = location[location.range(of: "://")!.upperBound...]
            guard let host = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first, !host.isEmpty else {
                throw .linkWithoutHost(location)
            }
        }
        return location
    }

    /// Whether `text` is a link: it begins with `http://`, `https://` or `ftp://`.
    public static func isLink(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["http://", "https://", "ftp://"].contains { lower.hasPrefix($0) }
    }
}
