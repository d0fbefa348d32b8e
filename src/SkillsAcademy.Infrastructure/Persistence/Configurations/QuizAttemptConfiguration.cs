using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillsAcademy.Domain.Assessment;
using SkillsAcademy.Domain.Catalog;
using SkillsAcademy.Infrastructure.Identity;

namespace SkillsAcademy.Infrastructure.Persistence.Configurations;

internal sealed class QuizAttemptConfiguration : IEntityTypeConfiguration<QuizAttempt>
{
    public void Configure(EntityTypeBuilder<QuizAttempt> builder)
    {
        builder.HasKey(a => a.Id);
        builder.Property(a => a.QuizKey).HasMaxLength(40).IsRequired();
        // Submitting changes Status from Open: two submissions of one attempt cannot both be applied.
        builder.Property(a => a.Status).IsConcurrencyToken();
        // One open attempt per learner and quiz, and attempt numbers never repeat, whatever races.
        builder.HasIndex(a => new { a.LearnerId, a.CourseId, a.QuizKey }, "IX_QuizAttempts_OneOpen")
            .IsUnique()
            .HasFilter($"[Status] = {(int)AttemptStatus.Open}");
        builder.HasIndex(a => new { a.LearnerId, a.CourseId, a.QuizKey, a.Number }).IsUnique();
        builder.HasIndex(a => new { a.Status, a.DeadlineAt });
        builder.HasIndex(a => new { a.CourseId, a.QuizKey, a.Status });
        builder.HasIndex(a => a.ClosedAt);
        builder.HasMany(a => a.Items).WithOne().HasForeignKey(i => i.AttemptId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(a => a.LearnerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Course>().WithMany().HasForeignKey(a => a.CourseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CourseVersion>().WithMany().HasForeignKey(a => a.CourseVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AttemptItemConfiguration : IEntityTypeConfiguration<AttemptItem>
{
    public void Configure(EntityTypeBuilder<AttemptItem> builder)
    {
        builder.HasKey(i => new { i.AttemptId, i.Position });
        builder.Property(i => i.OptionOrder).HasMaxLength(40).IsRequired();
        builder.Property(i => i.Chosen).HasMaxLength(40);
        builder.Ignore(i => i.ShownOrder);
        builder.Ignore(i => i.ChosenPositions);
        // Item analysis reads answers by question across attempts and versions.
        builder.HasIndex(i => i.QuestionKey);
        builder.HasOne<Question>().WithMany().HasForeignKey(i => i.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}
