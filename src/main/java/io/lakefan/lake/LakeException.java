package io.lakefan.lake;

/** Reading or writing the lake failed: check the bucket or folder, its permissions and free space. */
public class LakeException extends RuntimeException {
    public LakeException(String message, Throwable cause) {
        super(message, cause);
    }

    public LakeException(String message) {
        super(message);
    }
}
