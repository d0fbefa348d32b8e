using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SkillsAcademy.Domain.Learning;
using SkillsAcademy.Infrastructure.Identity;

namespace SkillsAcademy.Infrastructure.Persistence.Configurations;

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> builder)
    {
        // The key is the rule: one check-in per learner and day, however many taps arrive at once.
        builder.HasKey(c => new { c.LearnerId, c.Day });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.LearnerId).OnDelete(DeleteBehavior.Restrict);
    }
}
