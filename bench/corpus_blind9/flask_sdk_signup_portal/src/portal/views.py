from flask import jsonify, request, session

from portal import hs


def register(app):
    @app.route("/signup", methods=["POST"])
    def signup():
        data = request.form
        if not hs.verify_captcha(data.get("g-recaptcha-response")):
            return jsonify(error="captcha"), 400
        hs.submit_signup_form({"email": data["email"], "company": data.get("company", "")},
                              hutk=request.cookies.get("hubspotutk"))
        created = hs.create_contact(data["email"], company=data.get("company", ""),
                                    lifecyclestage="marketingqualifiedlead")
        return jsonify(id=created.id), 201

    @app.route("/companies/<company_id>")
    def company(company_id):
        c = hs.api().crm.companies.basic_api.get_by_id(company_id, properties=["name", "domain"])
        return jsonify(name=c.properties["name"], domain=c.properties["domain"])

    @app.route("/admin/contacts")
    def admin_contacts():
        page = hs.contacts_basic_api().get_page(limit=10, archived=False)
        return jsonify(emails=[r.properties["email"] for r in page.results])

    @app.route("/connect/callback")
    def oauth_callback():
        session["hubspot_token"] = request.args["token"]
        return jsonify(ok=True)
