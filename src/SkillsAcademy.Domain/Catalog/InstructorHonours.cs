namespace SkillsAcademy.Domain.Catalog;

/// <summary>Honours shown beside an instructor's name in the catalog.</summary>
[Flags]
public enum InstructorHonours
{
    None = 0,
    ModelWorker = 1,   // 劳动模范
    Craftsman = 2,     // 工匠
    MasterStudio = 4,  // 技能大师工作室领办人
    Technician = 8,    // 技术能手
}
