using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SkillsAcademy.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Assessment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FinalExam_AttemptsAllowed",
                table: "CourseVersions",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FinalExam_PassPercent",
                table: "CourseVersions",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FinalExam_QuestionCount",
                table: "CourseVersions",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FinalExam_Review",
                table: "CourseVersions",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "FinalExam_TimeLimitMinutes",
                table: "CourseVersions",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Quiz_AttemptsAllowed",
                table: "CourseModule",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Quiz_PassPercent",
                table: "CourseModule",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Quiz_QuestionCount",
                table: "CourseModule",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Quiz_Review",
                table: "CourseModule",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Quiz_TimeLimitMinutes",
                table: "CourseModule",
                type: "int",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "QuizAttempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LearnerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CourseId = table.Column<int>(type: "int", nullable: false),
                    CourseVersionId = table.Column<int>(type: "int", nullable: false),
                    QuizKey = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Number = table.Column<int>(type: "int", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DeadlineAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Status = table.Column<int>(type: "int", nullable: false),
                    CorrectCount = table.Column<int>(type: "int", nullable: true),
                    ScorePercent = table.Column<int>(type: "int", nullable: true),
                    Passed = table.Column<bool>(type: "bit", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuizAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuizAttempts_AspNetUsers_LearnerId",
                        column: x => x.LearnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_QuizAttempts_CourseVersions_CourseVersionId",
                        column: x => x.CourseVersionId,
                        principalTable: "CourseVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QuizAttempts_Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AttemptItems",
                columns: table => new
                {
                    AttemptId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    QuestionKey = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    QuestionId = table.Column<int>(type: "int", nullable: false),
                    OptionOrder = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Chosen = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: true),
                    Correct = table.Column<bool>(type: "bit", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttemptItems", x => new { x.AttemptId, x.Position });
                    table.ForeignKey(
                        name: "FK_AttemptItems_Question_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "Question",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AttemptItems_QuizAttempts_AttemptId",
                        column: x => x.AttemptId,
                        principalTable: "QuizAttempts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AttemptItems_QuestionId",
                table: "AttemptItems",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_AttemptItems_QuestionKey",
                table: "AttemptItems",
                column: "QuestionKey");

            migrationBuilder.CreateIndex(
                name: "IX_QuizAttempts_CourseId_QuizKey_Status",
                table: "QuizAttempts",
                columns: new[] { "CourseId", "QuizKey", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_QuizAttempts_CourseVersionId",
                table: "QuizAttempts",
                column: "CourseVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_QuizAttempts_LearnerId_CourseId_QuizKey_Number",
                table: "QuizAttempts",
                columns: new[] { "LearnerId", "CourseId", "QuizKey", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_QuizAttempts_OneOpen",
                table: "QuizAttempts",
                columns: new[] { "LearnerId", "CourseId", "QuizKey" },
                unique: true,
                filter: "[Status] = 1");

            migrationBuilder.CreateIndex(
                name: "IX_QuizAttempts_Status_DeadlineAt",
                table: "QuizAttempts",
                columns: new[] { "Status", "DeadlineAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AttemptItems");

            migrationBuilder.DropTable(
                name: "QuizAttempts");

            migrationBuilder.DropColumn(
                name: "FinalExam_AttemptsAllowed",
                table: "CourseVersions");

            migrationBuilder.DropColumn(
                name: "FinalExam_PassPercent",
                table: "CourseVersions");

            migrationBuilder.DropColumn(
                name: "FinalExam_QuestionCount",
                table: "CourseVersions");

            migrationBuilder.DropColumn(
                name: "FinalExam_Review",
                table: "CourseVersions");

            migrationBuilder.DropColumn(
                name: "FinalExam_TimeLimitMinutes",
                table: "CourseVersions");

            migrationBuilder.DropColumn(
                name: "Quiz_AttemptsAllowed",
                table: "CourseModule");

            migrationBuilder.DropColumn(
                name: "Quiz_PassPercent",
                table: "CourseModule");

            migrationBuilder.DropColumn(
                name: "Quiz_QuestionCount",
                table: "CourseModule");

            migrationBuilder.DropColumn(
                name: "Quiz_Review",
                table: "CourseModule");

            migrationBuilder.DropColumn(
                name: "Quiz_TimeLimitMinutes",
                table: "CourseModule");
        }
    }
}
