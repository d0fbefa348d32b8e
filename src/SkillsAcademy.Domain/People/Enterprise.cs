namespace SkillsAcademy.Domain.People;

/// <summary>A learner's employer (企业); learners choose one or add it by name.</summary>
public sealed class Enterprise
{
    public const int MaxNameLength = 100;

    public Enterprise(string name, string? regionCode)
    {
        Name = name.Trim();
        RegionCode = regionCode;
    }

    public int Id { get; private set; }

    public string Name { get; private set; }

    public string? RegionCode { get; private set; }
}
