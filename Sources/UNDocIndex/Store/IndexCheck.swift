import GRDB

extension IndexStore {
    /// The problems SQLite finds in the file (`PRAGMA integrity_check`) and, when the index
    /// was opened for writing, in the full-text index (FTS5's `integrity-check`, which
    /// compares it with the elements); empty when the index is sound. Nothing is changed.
    public func verify() throws(IndexError) -> [String] {
        try withConnection { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            if !db.configuration.readonly {
                // FTS5 runs its check as an INSERT of a command: inside a transaction that is
                // rolled back, so the check writes nothing.
                try db.inTransaction(.deferred) {
                    do {
                        try db.execute(sql: "INSERT INTO elements_fts(elements_fts, rank) VALUES ('integrity-check', 1)")
                    } catch let error as DatabaseError {
                        problems.append("full-text index: \(error.message ?? "\(error)")")
                    }
                    return .rollback
                }
            }
            return problems
        }
    }
}
