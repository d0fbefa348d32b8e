namespace SkillsAcademy.Domain.Catalog;

public enum LessonKind
{
    Article = 1,
    Video = 2,
    Document = 3,
}
