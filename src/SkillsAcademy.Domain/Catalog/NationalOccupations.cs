namespace SkillsAcademy.Domain.Catalog;

/// <summary>
/// The occupations the platform starts with (welder, fitters, sheet-metal worker), with their codes in the
/// national occupational classification (职业分类大典, 2022 edition). Federation staff add the rest.
/// </summary>
public static class NationalOccupations
{
    public static IReadOnlyList<(string Code, string Name, string EnglishName)> Initial { get; } =
    [
        ("6-18-02-04", "焊工", "Welder"),
        ("6-20-01-01", "装配钳工", "Assembly fitter"),
        ("6-31-01-02", "机修钳工", "Maintenance fitter"),
        ("6-18-04-01", "工具钳工", "Tool fitter"),
        ("6-18-02-06", "钣金工", "Sheet-metal worker"),
    ];
}
