import logging
import os

logger = logging.getLogger(__name__)

FILES = "/filemanager/api/v2/files"
FOLDERS = "/filemanager/api/v2/folders"


class FileManager(object):
    def __init__(self, session):
        self.session = session

    def folders(self):
        resp = self.session.get(FOLDERS, params={"limit": 100})
        resp.raise_for_status()
        return resp.json().get("objects", [])

    def files(self, folder_id=None):
        offset = 0
        while True:
            params = {"limit": 50, "offset": offset}
            if folder_id:
                params["folder_id"] = folder_id
            resp = self.session.get(FILES, params=params)
            resp.raise_for_status()
            body = resp.json()
            objects = body.get("objects", [])
            for obj in objects:
                yield obj
            offset += len(objects)
            if not objects or offset >= body.get("total_count", 0):
                return

    def download(self, file_obj, dest_dir):
        # file URLs point at the CDN, not at the API
        url = file_obj.get("url") or file_obj["friendly_url"]
        resp = self.session.get(url, stream=True)
        resp.raise_for_status()
        path = os.path.join(dest_dir, file_obj["name"] + "." + file_obj.get("extension", "bin"))
        with open(path, "wb") as fh:
            for chunk in resp.iter_content(8192):
                fh.write(chunk)
        return path

    def archive(self, file_id):
        resp = self.session.post("%s/%s/archive" % (FILES, file_id))
        return resp.status_code == 200

    def move(self, file_id, folder_path):
        resp = self.session.post(
            "%s/%s/move-file" % (FILES, file_id), json={"folder_path": folder_path}
        )
        resp.raise_for_status()
        return resp.json()
