namespace SkillsAcademy.Domain.Catalog;

public enum QuestionType
{
    SingleChoice = 1,
    MultipleChoice = 2,
    TrueFalse = 3,
}
