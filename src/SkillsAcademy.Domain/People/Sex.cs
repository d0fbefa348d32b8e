namespace SkillsAcademy.Domain.People;

public enum Sex
{
    Female = 1,
    Male = 2,
}
