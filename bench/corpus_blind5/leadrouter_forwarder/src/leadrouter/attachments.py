"""Attach a generated PDF to a contact: upload to S3 with a presigned URL that our
backend hands out, then log a NOTE engagement (v1) pointing at the file."""


def attach_pdf(api, vid, presigned_url, pdf_bytes, public_url):
    api.put(presigned_url, data=pdf_bytes, headers={"Content-Type": "application/pdf"})
    engagement = {
        "engagement": {"active": True, "type": "NOTE"},
        "associations": {"contactIds": [vid]},
        "metadata": {"body": "Quote: %s" % public_url},
    }
    return api.post("/engagements/v1/engagements", json=engagement)
