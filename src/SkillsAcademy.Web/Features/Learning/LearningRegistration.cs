namespace SkillsAcademy.Web.Features.Learning;

public static class LearningRegistration
{
    public static WebApplicationBuilder AddLearning(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<LearningService>();
        builder.Services.AddScoped<LearningRecords>();
        builder.Services.AddScoped<StudyTimeService>();
        builder.Services.AddSingleton<LessonMarkdown>();
        return builder;
    }
}
