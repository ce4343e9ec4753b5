package org.latentlab.ui.explorer;

import java.io.File;
import java.util.List;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * A dataset the toolbar offers: what {@code --dataset} would say, and how to name it for people.
 *
 * @param spec  "mnist", "faces", "fashion" or a path; {@code null} for the entry that asks for a file
 */
public record DatasetChoice(String spec, String label) {

    /** The entry that opens a file chooser. */
    public static final DatasetChoice OTHER = new DatasetChoice(null, "Other file or folder…");

    /** The datasets every installation can name. */
    public static List<DatasetChoice> builtIn() {
        return List.of(
                new DatasetChoice("mnist", "MNIST digits (10,000, built in)"),
                new DatasetChoice("faces", "Synthetic faces (20,000)"),
                new DatasetChoice("fashion", "Fashion-MNIST (70,000, if installed)"));
    }

    /** The choice for {@code spec}: a built-in one, or one named after the file. */
    public static DatasetChoice of(String spec) {
        for (DatasetChoice choice : builtIn()) {
            if (choice.spec().equals(spec)) {
                return choice;
            }
        }
        String name = java.nio.file.Path.of(spec).getFileName() == null ? spec : java.nio.file.Path.of(spec).getFileName().toString();
        return new DatasetChoice(spec, name);
    }

    /**
     * Asks for an IDX images file, or, if that is cancelled, for a folder (of IDX files, or of images
     * with one sub-folder per class).
     *
     * @return the path chosen, as {@code --dataset} takes it; {@code null} if both were cancelled
     */
    public static String chooseFile(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose an IDX images file (Cancel to choose a folder of images instead)");
        File file = chooser.showOpenDialog(owner);
        if (file == null) {
            DirectoryChooser folders = new DirectoryChooser();
            folders.setTitle("Choose a folder of IDX files, or of images with one sub-folder per class");
            file = folders.showDialog(owner);
        }
        return file == null ? null : file.getAbsolutePath();
    }

    @Override
    public String toString() {
        return label;
    }
}
