using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Infrastructure.Identity;

namespace SkillsAcademy.Infrastructure.Persistence.Configurations;

internal sealed class StudySessionConfiguration : IEntityTypeConfiguration<StudySession>
{
    public void Configure(EntityTypeBuilder<StudySession> builder)
    {
        // One row per learner: only one lesson session can be active at a time.
        builder.HasKey(s => s.LearnerId);
        builder.Property(s => s.SessionId).IsConcurrencyToken();
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(s => s.LearnerId).OnDelete(DeleteBehavior.Cascade);
    }
}
