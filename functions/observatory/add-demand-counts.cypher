// Adds route requests to the anonymous demand counts: one node per day × commune × situation × need ×
// urgency × covered, holding only those and a count (nothing about the caller or the hour).
UNWIND $counts AS row
MERGE (count:DemandCount {key: row.key})
  ON CREATE SET count.day = date(row.day), count.communeCode = row.communeCode, count.situation = row.situation,
                count.need = row.need, count.urgency = row.urgency, count.covered = row.covered, count.count = 0
SET count.count = count.count + row.increment
