// Opens each deck named on the command line with Apache POI's XMLSlideShow and reads what another
// program would: every slide's shapes (inside groups too), every table's cells, every chart's
// series, axes and embedded workbook. Prints what it read; any exception ends it with exit 1.
// Compiled at test time by tests/test_poi.py (javac into a temporary folder).

import java.io.FileInputStream;
import java.io.InputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFChart;
import org.apache.poi.xslf.usermodel.XSLFGroupShape;
import org.apache.poi.xslf.usermodel.XSLFShape;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTable;
import org.apache.poi.xslf.usermodel.XSLFTableCell;
import org.apache.poi.xslf.usermodel.XSLFTableRow;
import org.apache.poi.xslf.usermodel.XSLFTextShape;

public final class DeckReader {
    private DeckReader() {
    }

    public static void main(String[] args) throws Exception {
        for (String path : args) {
            try (InputStream in = new FileInputStream(path); XMLSlideShow deck = new XMLSlideShow(in)) {
                System.out.println("deck " + path + " slides " + deck.getSlides().size());
                int number = 0;
                for (XSLFSlide slide : deck.getSlides()) {
                    number++;
                    System.out.println("slide " + number + " layout " + slide.getSlideLayout().getName());
                    shapes(slide.getShapes(), number);
                }
                int index = 0;
                for (XSLFChart chart : deck.getCharts()) {
                    chart(chart, ++index);
                }
            }
        }
    }

    private static void shapes(List<XSLFShape> shapes, int slide) {
        for (XSLFShape shape : shapes) {
            shape.getAnchor();
            if (shape instanceof XSLFGroupShape) {
                shapes(((XSLFGroupShape) shape).getShapes(), slide);
            } else if (shape instanceof XSLFTable) {
                table((XSLFTable) shape, slide);
            } else if (shape instanceof XSLFTextShape) {
                ((XSLFTextShape) shape).getText();
            }
        }
    }

    private static void table(XSLFTable table, int slide) {
        int columns = table.getNumberOfColumns();
        System.out.println("table slide " + slide + " rows " + table.getNumberOfRows()
                + " columns " + columns);
        for (XSLFTableRow row : table.getRows()) {
            StringBuilder line = new StringBuilder("row");
            for (XSLFTableCell cell : row.getCells()) {
                cell.getFillColor();  // reads the table style (ppt/tableStyles.xml)
                line.append(" | ").append(cell.getText());
            }
            System.out.println(line);
        }
    }

    private static void chart(XSLFChart chart, int index) throws Exception {
        List<XDDFChartData> plots = chart.getChartSeries();
        System.out.println("chart " + index + " plots " + plots.size() + " axes " + chart.getAxes().size());
        for (XDDFChartData plot : plots) {
            for (XDDFChartData.Series series : plot.getSeries()) {
                XDDFDataSource<?> categories = series.getCategoryData();
                StringBuilder line = new StringBuilder("series");
                for (int i = 0; i < categories.getPointCount(); i++) {
                    line.append(" | ").append(categories.getPointAt(i));
                }
                System.out.println(line);
            }
        }
        Workbook workbook = chart.getWorkbook();
        Sheet sheet = workbook.getSheetAt(0);
        for (Row row : sheet) {
            for (Cell cell : row) {
                System.out.println("cell " + cell.getAddress() + " " + cell.getCellType() + " "
                        + cell.toString());
            }
        }
    }
}
