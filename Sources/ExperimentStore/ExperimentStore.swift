import Autopilot
import Diagnostics
import Foundation
import GRDB

/// Where experiments live between sessions: `.pilot/` beside the workbook, an SQLite database
/// (experiments, candidates and their metrics) plus, per experiment, the best model's files:
/// `model.json` (pipelines, threshold, members) and XGBoost JSON boosters.
///
/// A save writes the model files and the rows inside one write of the database queue, so two
/// saves (from two sessions' threads) never interleave their files.
public final class ExperimentStore: Sendable {
    /// The `.pilot` folder.
    public let folder: String
    let database: DatabaseQueue

    /// Opens (creating if needed) the store in `workingDirectory/.pilot`.
    public init(workingDirectory: String) throws(StoreError) {
        folder = workingDirectory + "/.pilot"
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            database = try DatabaseQueue(path: folder + "/experiments.sqlite")
            try Self.migrator.migrate(database)
        } catch {
            throw StoreError("cannot open the experiment store \(folder): \(error)")
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "experiment") { t in
                t.primaryKey("name", .text)
                t.column("target", .text).notNull()
                t.column("problem", .text).notNull()
                t.column("metric", .text).notNull()
                t.column("best", .text)
                t.column("record", .text).notNull()
            }
            try db.create(table: "candidate") { t in
                t.column("experiment", .text).notNull().references("experiment", onDelete: .cascade)
                t.column("rank", .integer).notNull()
                t.column("name", .text).notNull()
                t.column("algorithm", .text).notNull()
                t.column("pipeline", .text).notNull()
                t.column("objective", .double)
                t.column("metrics", .text).notNull()
                t.column("hyperparameters", .text).notNull()
                t.primaryKey(["experiment", "name"])
            }
        }
        migrateCloud(&migrator)
        return migrator
    }

    /// Stores an experiment and its best model, replacing one of the same name.
    public func save(_ record: ExperimentRecord, model: TrainedModel?) throws(StoreError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let modelFolder = folder + "/" + record.name
        do {
            let recordJSON = String(decoding: try encoder.encode(record), as: UTF8.self)
            let ranked = AutopilotJob.ranked(record.candidates, metric: record.metric)
            let files = try model.map { try ModelArchive.make($0) }
            try database.write { db in
                try Self.writeModel(files, to: modelFolder, encoder: encoder)
                try db.execute(sql: "DELETE FROM experiment WHERE name = ?", arguments: [record.name])
                try db.execute(
                    sql:
                        "INSERT INTO experiment (name, target, problem, metric, best, record) VALUES (?, ?, ?, ?, "
                        + "?, ?)",
                    arguments: [
                        record.name, record.settings.target, record.target.problem.rawValue,
                        record.metric.rawValue, record.best, recordJSON,
                    ])
                for (rank, candidate) in ranked.enumerated() {
                    try db.execute(
                        sql: """
                            INSERT INTO candidate (experiment, rank, name, algorithm, pipeline, objective, metrics, \
                            hyperparameters)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [
                            record.name, rank + 1, candidate.name, candidate.algorithm.rawValue, candidate.pipeline,
                            candidate.metric(record.metric),
                            String(decoding: try encoder.encode(candidate.metrics), as: UTF8.self),
                            String(decoding: try encoder.encode(candidate.hyperparameters), as: UTF8.self),
                        ])
                }
            }
        } catch let error as AutopilotError {
            throw StoreError("cannot save experiment '\(record.name)': \(error.message)")
        } catch {
            throw StoreError("cannot save experiment '\(record.name)': \(error)")
        }
    }

    /// Replaces an experiment's model files (none when it kept no model).
    private static func writeModel(
        _ model: (ModelArchive, [String: [UInt8]])?, to modelFolder: String,
        encoder: JSONEncoder
    ) throws {
        try? FileManager.default.removeItem(atPath: modelFolder)
        guard let (archive, files) = model else { return }
        try FileManager.default.createDirectory(atPath: modelFolder, withIntermediateDirectories: true)
        for (name, bytes) in files {
            try Data(bytes).write(to: URL(fileURLWithPath: modelFolder + "/" + name), options: .atomic)
        }
        try encoder.encode(archive).write(to: URL(fileURLWithPath: modelFolder + "/model.json"), options: .atomic)
    }

    /// The names of the stored experiments.
    public func names() throws(StoreError) -> [String] {
        do {
            return try database.read { db in try String.fetchAll(db, sql: "SELECT name FROM experiment ORDER BY name") }
        } catch {
            throw StoreError("cannot read the experiment store: \(error)")
        }
    }

    /// A stored experiment and its model, or nil when there is none of that name.
    public func load(_ name: String) throws(StoreError) -> (ExperimentRecord, TrainedModel?)? {
        let json: String?
        do {
            json = try database.read { db in
                try String.fetchOne(db, sql: "SELECT record FROM experiment WHERE name = ?", arguments: [name])
            }
        } catch {
            throw StoreError("cannot read the experiment store: \(error)")
        }
        guard let json else { return nil }
        let modelFolder = folder + "/" + name
        do {
            let record = try JSONDecoder().decode(ExperimentRecord.self, from: Data(json.utf8))
            guard let data = FileManager.default.contents(atPath: modelFolder + "/model.json") else {
                return (record, nil)
            }
            let archive = try JSONDecoder().decode(ModelArchive.self, from: data)
            let model = try archive.restore { file throws(AutopilotError) in
                guard let bytes = FileManager.default.contents(atPath: modelFolder + "/" + file) else {
                    throw .learner("the model file \(modelFolder)/\(file) is missing")
                }
                return Array(bytes)
            }
            return (record, model)
        } catch let error as AutopilotError {
            throw StoreError("cannot load experiment '\(name)': \(error.message)")
        } catch {
            throw StoreError("cannot load experiment '\(name)': \(error)")
        }
    }

    /// Deletes a stored experiment and its files; says whether there was one.
    @discardableResult
    public func delete(_ name: String) throws(StoreError) -> Bool {
        do {
            let count = try database.write { db in
                try db.execute(sql: "DELETE FROM experiment WHERE name = ?", arguments: [name])
                return db.changesCount
            }
            try? FileManager.default.removeItem(atPath: folder + "/" + name)
            return count > 0
        } catch {
            throw StoreError("cannot delete experiment '\(name)': \(error)")
        }
    }
}

/// Why the store could not be read or written.
public struct StoreError: Error, Sendable, Equatable, DiagnosticConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var diagnostic: Diagnostic {
        Diagnostic(message, hint: "the files in .pilot/ may be damaged, or the folder not writable")
    }
}
