using Microsoft.EntityFrameworkCore;

namespace SkillsAcademy.Infrastructure.Persistence;

/// <summary>Thrown when code tries to update or delete a learning record or an audit entry.</summary>
public sealed class AppendOnlyViolationException(string entityName, EntityState state)
    : InvalidOperationException($"{entityName} rows are append-only; the change ({state}) was refused and nothing was saved.");
