// One audit record per mutation, written in the mutation's own transaction.
CREATE (:AuditRecord {
  id: $id, at: datetime(), subject: $subject, role: $role, operation: $operation,
  departement: $departement, changes: $changes
})
