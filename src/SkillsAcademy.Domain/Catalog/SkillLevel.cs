namespace SkillsAcademy.Domain.Catalog;

/// <summary>National vocational skill levels (职业技能等级); the number is the official level, 1 the highest.</summary>
public enum SkillLevel
{
    Level5 = 5, // 五级 / 初级工
    Level4 = 4, // 四级 / 中级工
    Level3 = 3, // 三级 / 高级工
    Level2 = 2, // 二级 / 技师
    Level1 = 1, // 一级 / 高级技师
}
