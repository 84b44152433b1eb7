extension Form {
    /// What a form reads a field's value by: a misspelt key is a compiler error, not an empty value.
    /// The forms share the keys; each form's definition says which of them it asks for.
    public enum FieldKey: String, Sendable, CaseIterable {
        case agreedWith
        case assignee
        case at
        case cause
        case channel
        case day
        case delivery
        case description
        case due
        case effective
        case fromCase
        case inspector
        case kind
        case label
        case level
        case location
        case mode
        case name
        case newName
        case note
        case office
        case phone
        case place
        case readings
        case reason
        case region
        case requester
        case result
        case score
        case signedBy
        case size
        case solution
        case stage
        case step
        case title
        case to
        case topic
        case trainer
        case type
    }
}
