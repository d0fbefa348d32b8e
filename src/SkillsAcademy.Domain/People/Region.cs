namespace SkillsAcademy.Domain.People;

/// <summary>An administrative region by its GB/T 2260 six-digit code: province (xx0000), city (xxxx00) or county.</summary>
public sealed class Region
{
    public Region(string code, string name)
    {
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"'{code}' is not a six-digit region code.", nameof(code));
        }

        Code = code;
        Name = name;
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public RegionLevel Level => Code[2..] == "0000" ? RegionLevel.Province : Code[4..] == "00" ? RegionLevel.City : RegionLevel.County;

    /// <summary>The code of the region this one belongs to, or null for a province.</summary>
    public string? ParentCode => Level switch
    {
        RegionLevel.Province => null,
        RegionLevel.City => Code[..2] + "0000",
        _ => Code[..4] + "00",
    };
}

public enum RegionLevel
{
    Province,
    City,
    County,
}
