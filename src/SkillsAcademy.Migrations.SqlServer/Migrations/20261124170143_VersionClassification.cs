using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SkillsAcademy.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class VersionClassification : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "OccupationId",
                table: "CourseVersions",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SkillLevel",
                table: "CourseVersions",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "VoucherEligible",
                table: "CourseVersions",
                type: "bit",
                nullable: false,
                defaultValue: false);

            // Existing versions take the classification their course has had so far.
            migrationBuilder.Sql(
                "UPDATE CourseVersions SET " +
                "OccupationId = (SELECT c.OccupationId FROM Courses c WHERE c.Id = CourseVersions.CourseId), " +
                "SkillLevel = (SELECT c.SkillLevel FROM Courses c WHERE c.Id = CourseVersions.CourseId), " +
                "VoucherEligible = (SELECT c.VoucherEligible FROM Courses c WHERE c.Id = CourseVersions.CourseId);");

            migrationBuilder.CreateIndex(
                name: "IX_CourseVersions_OccupationId",
                table: "CourseVersions",
                column: "OccupationId");

            migrationBuilder.AddForeignKey(
                name: "FK_CourseVersions_Occupations_OccupationId",
                table: "CourseVersions",
                column: "OccupationId",
                principalTable: "Occupations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_CourseVersions_Occupations_OccupationId",
                table: "CourseVersions");

            migrationBuilder.DropIndex(
                name: "IX_CourseVersions_OccupationId",
                table: "CourseVersions");

            migrationBuilder.DropColumn(
                name: "OccupationId",
                table: "CourseVersions");

            migrationBuilder.DropColumn(
                name: "SkillLevel",
                table: "CourseVersions");

            migrationBuilder.DropColumn(
                name: "VoucherEligible",
                table: "CourseVersions");
        }
    }
}
