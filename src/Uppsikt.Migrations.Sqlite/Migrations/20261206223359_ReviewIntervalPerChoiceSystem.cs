using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uppsikt.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReviewIntervalPerChoiceSystem : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing choice systems get the default interval (ReviewInterval.DefaultMonthsWithoutDeficiencies), not zero.
            migrationBuilder.AddColumn<int>(
                name: "ReviewIntervalMonths",
                table: "ChoiceSystems",
                type: "INTEGER",
                nullable: false,
                defaultValue: 24);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReviewIntervalMonths",
                table: "ChoiceSystems");
        }
    }
}
