/// What `--help` says of each command, its options and arguments, in the reader's language (decided
/// before the arguments are read). Nested by area: `Catalog.Help.Items` (tickets, faults, tasks,
/// changes), `Catalog.Help.Admin` (configuration, staff, backups, doctor, calendar),
/// `Catalog.Help.Reports` (inspections, trainings, figures, the monthly report). Command names,
/// option names and value names are not texts: they stay as typed.
extension Catalog {
    public enum Help {}
}
