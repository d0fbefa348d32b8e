namespace SkillsAcademy.Web.Components.Shared;

/// <summary>Reading a service's per-field messages (field name → messages) in forms.</summary>
public static class FieldErrors
{
    public static bool Has(this IReadOnlyDictionary<string, string[]> errors, string field) => errors.ContainsKey(field);

    /// <summary>The messages of one field joined for display, or null when the field is fine.</summary>
    public static string? TextFor(this IReadOnlyDictionary<string, string[]> errors, string field) =>
        errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public static IReadOnlyList<string> For(this IReadOnlyDictionary<string, string[]> errors, string field) =>
        errors.TryGetValue(field, out var messages) ? messages : [];
}
