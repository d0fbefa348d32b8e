using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SkillsAcademy.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StatisticsRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StatDailyFacts",
                columns: table => new
                {
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 6, nullable: false),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: false),
                    OccupationId = table.Column<int>(type: "INTEGER", nullable: false),
                    SkillLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    CreditedSeconds = table.Column<long>(type: "INTEGER", nullable: false),
                    PersonTimes = table.Column<int>(type: "INTEGER", nullable: false),
                    NewEnrolments = table.Column<int>(type: "INTEGER", nullable: false),
                    Completions = table.Column<int>(type: "INTEGER", nullable: false),
                    Certificates = table.Column<int>(type: "INTEGER", nullable: false),
                    QuizAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    QuizPasses = table.Column<int>(type: "INTEGER", nullable: false),
                    VouchersRedeemed = table.Column<int>(type: "INTEGER", nullable: false),
                    VoucherAmountFen = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatDailyFacts", x => new { x.Day, x.RegionCode, x.EnterpriseId, x.CourseId });
                });

            migrationBuilder.CreateTable(
                name: "StatExports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RequestedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    Layout = table.Column<int>(type: "INTEGER", nullable: false),
                    Format = table.Column<int>(type: "INTEGER", nullable: false),
                    FilterJson = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatExports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StatLearnerMonths",
                columns: table => new
                {
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LearnerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", unicode: false, maxLength: 6, nullable: false),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    OccupationId = table.Column<int>(type: "INTEGER", nullable: false),
                    SkillLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    ActiveDays = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatLearnerMonths", x => new { x.Month, x.LearnerId, x.CourseId });
                });

            migrationBuilder.CreateTable(
                name: "StatRollupRuns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Trigger = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DaysTotal = table.Column<int>(type: "INTEGER", nullable: false),
                    DaysDone = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatRollupRuns", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Vouchers_RedeemedAt",
                table: "Vouchers",
                column: "RedeemedAt");

            migrationBuilder.CreateIndex(
                name: "IX_QuizAttempts_ClosedAt",
                table: "QuizAttempts",
                column: "ClosedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_CompletedAt",
                table: "Enrolments",
                column: "CompletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Enrolments_EnrolledAt",
                table: "Enrolments",
                column: "EnrolledAt");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_IssuedAt",
                table: "Certificates",
                column: "IssuedAt");

            migrationBuilder.CreateIndex(
                name: "IX_StatExports_RequestedBy_CreatedAt",
                table: "StatExports",
                columns: new[] { "RequestedBy", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StatRollupRuns_Status",
                table: "StatRollupRuns",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_StatRollupRuns_Trigger_CreatedAt",
                table: "StatRollupRuns",
                columns: new[] { "Trigger", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StatDailyFacts");

            migrationBuilder.DropTable(
                name: "StatExports");

            migrationBuilder.DropTable(
                name: "StatLearnerMonths");

            migrationBuilder.DropTable(
                name: "StatRollupRuns");

            migrationBuilder.DropIndex(
                name: "IX_Vouchers_RedeemedAt",
                table: "Vouchers");

            migrationBuilder.DropIndex(
                name: "IX_QuizAttempts_ClosedAt",
                table: "QuizAttempts");

            migrationBuilder.DropIndex(
                name: "IX_Enrolments_CompletedAt",
                table: "Enrolments");

            migrationBuilder.DropIndex(
                name: "IX_Enrolments_EnrolledAt",
                table: "Enrolments");

            migrationBuilder.DropIndex(
                name: "IX_Certificates_IssuedAt",
                table: "Certificates");
        }
    }
}
