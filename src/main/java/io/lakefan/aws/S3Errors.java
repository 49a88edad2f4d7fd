package io.lakefan.aws;

import io.lakefan.lake.LakeException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns S3 failures into {@link LakeException}s that name the object, the S3 error code and what to check. */
final class S3Errors {
    private S3Errors() {
    }

    static int status(SdkException e) {
        return e instanceof AwsServiceException a ? a.statusCode() : 0;
    }

    static String code(SdkException e) {
        if (e instanceof AwsServiceException a && a.awsErrorDetails() != null
                && a.awsErrorDetails().errorCode() != null) {
            return a.awsErrorDetails().errorCode();
        }
        return "";
    }

    /** {@code S3 <operation> of s3://bucket/key failed: <code> (HTTP <status>): <message>. <what to check>} */
    static LakeException wrap(String operation, String location, SdkException e) {
        String code = code(e);
        int status = status(e);
        String detail;
        if (e instanceof AwsServiceException a) {
            String msg = a.awsErrorDetails() == null ? a.getMessage() : a.awsErrorDetails().errorMessage();
            detail = (code.isEmpty() ? "error" : code) + " (HTTP " + status + ")" + (msg == null ? "" : ": " + msg);
        } else {
            detail = "S3 could not be reached: " + e.getMessage();
        }
        return new LakeException("S3 " + operation + " of " + location + " failed: " + detail + ". " + hint(code, status),
                e);
    }

    private static String hint(String code, int status) {
        switch (code) {
            case "NoSuchBucket":
                return "Check that the bucket exists (LAKEFAN_LAKE) and is in this region (AWS_REGION).";
            case "AccessDenied":
            case "AllAccessDisabled":
                return "Check that the function's role may read, write, list and delete objects under the lake"
                        + " prefix (s3:GetObject, s3:PutObject, s3:ListBucket, s3:DeleteObject) and any KMS key.";
            case "PermanentRedirect":
            case "AuthorizationHeaderMalformed":
            case "IllegalLocationConstraintException":
                return "The bucket is in another region: set AWS_REGION to the bucket's region.";
            case "InvalidAccessKeyId":
            case "SignatureDoesNotMatch":
            case "ExpiredToken":
            case "InvalidToken":
                return "Check the AWS credentials (profile, environment or role).";
            case "EntityTooSmall":
                return "A multipart part was below S3's 5 MiB minimum.";
            default:
                if (status == 0) {
                    return "Check the network, the region (AWS_REGION) and any endpoint override (AWS_ENDPOINT_URL_S3).";
                }
                if (status == 301) return "The bucket is in another region: set AWS_REGION to the bucket's region.";
                if (status == 403) return "Check the function's S3 permissions on the lake bucket and prefix.";
                if (status >= 500) return "S3 had a server error; a retry usually succeeds.";
                return "Check that the bucket exists, the permissions on it and the region.";
        }
    }
}
