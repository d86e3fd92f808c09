import Cloud
import Foundation
import GRDB

/// Experiments that run on SageMaker: a record each (the job, its settings, its last state)
/// in the same database, so `experiments` lists them beside local ones in a later session.
extension ExperimentStore {
    static func migrateCloud(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-cloud") { db in
            try db.create(table: "cloud_experiment") { t in
                t.primaryKey("name", .text)
                t.column("backend", .text).notNull()
                t.column("region", .text).notNull()
                t.column("job", .text).notNull()
                t.column("status", .text)
                t.column("record", .text).notNull()
            }
        }
    }

    /// Stores a cloud experiment, replacing one of the same name.
    public func save(_ record: CloudExperimentRecord) throws(StoreError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            let json = String(decoding: try encoder.encode(record), as: UTF8.self)
            try database.write { db in
                try db.execute(
                    sql: """
                        INSERT OR REPLACE INTO cloud_experiment (name, backend, region, job, status, record)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [record.name, record.backend, record.region, record.jobName, record.state?.status, json])
            }
        } catch {
            throw StoreError("cannot save experiment '\(record.name)': \(error)")
        }
    }

    /// The names of the stored cloud experiments.
    public func cloudNames() throws(StoreError) -> [String] {
        do {
            return try database.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM cloud_experiment ORDER BY name")
            }
        } catch {
            throw StoreError("cannot read the experiment store: \(error)")
        }
    }

    /// A stored cloud experiment, or nil when there is none of that name.
    public func loadCloud(_ name: String) throws(StoreError) -> CloudExperimentRecord? {
        do {
            let json = try database.read { db in
                try String.fetchOne(db, sql: "SELECT record FROM cloud_experiment WHERE name = ?", arguments: [name])
            }
            return try json.map { try JSONDecoder().decode(CloudExperimentRecord.self, from: Data($0.utf8)) }
        } catch {
            throw StoreError("cannot load experiment '\(name)': \(error)")
        }
    }

    /// Deletes a stored cloud experiment's record; says whether there was one.
    @discardableResult
    public func deleteCloud(_ name: String) throws(StoreError) -> Bool {
        do {
            return try database.write { db in
                try db.execute(sql: "DELETE FROM cloud_experiment WHERE name = ?", arguments: [name])
                return db.changesCount > 0
            }
        } catch {
            throw StoreError("cannot delete experiment '\(name)': \(error)")
        }
    }
}
