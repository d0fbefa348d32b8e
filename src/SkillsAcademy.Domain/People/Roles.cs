namespace SkillsAcademy.Domain.People;

/// <summary>The four roles of the platform; the names are stored in the database and must not change.</summary>
public static class Roles
{
    public const string Learner = "Learner";
    public const string Instructor = "Instructor";
    public const string FederationStaff = "FederationStaff";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Learner, Instructor, FederationStaff, Admin];
}
