using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillsAcademy.Domain.Assessment;

namespace SkillsAcademy.Infrastructure.Persistence.Configurations;

/// <summary>Quiz settings stored as columns of their module or course version (null columns: no quiz).</summary>
internal static class QuizSettingsColumns
{
    public static void Configure<TOwner>(OwnedNavigationBuilder<TOwner, QuizSettings> quiz)
        where TOwner : class
    {
        quiz.Property(q => q.QuestionCount);
        quiz.Property(q => q.PassPercent);
        quiz.Property(q => q.TimeLimitMinutes);
        quiz.Property(q => q.AttemptsAllowed);
        quiz.Property(q => q.Review);
    }
}
